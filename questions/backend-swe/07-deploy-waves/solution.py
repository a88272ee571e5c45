"""Reference solution: deploy services in waves, each wave after everything it depends on.

Interviewer-only. Kahn's algorithm one level at a time: the current wave is every service whose
dependencies are all deployed; deploying it releases the next wave. If services are left over,
they are on (or behind) a cycle and no order exists.
"""


def deploy_waves(services: list[str], depends_on: list[list[str]]) -> list[list[str]]:
    waiting = {service: 0 for service in services}  # undeployed dependencies per service
    dependents: dict[str, list[str]] = {service: [] for service in services}
    for service, dependency in depends_on:
        waiting[service] += 1  # a repeated pair is counted, and later released, twice
        dependents[dependency].append(service)

    waves: list[list[str]] = []
    wave = sorted(s for s in services if waiting[s] == 0)
    deployed = 0
    while wave:
        waves.append(wave)
        deployed += len(wave)
        released = []
        for service in wave:
            for dependent in dependents[service]:
                waiting[dependent] -= 1
                if waiting[dependent] == 0:
                    released.append(dependent)
        wave = sorted(released)

    return waves if deployed == len(services) else []

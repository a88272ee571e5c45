/** Which devices to open: an id picked in the device lists, or the browser's default. */
export interface DeviceChoice {
  audio?: string;
  video?: string;
}

/**
 * A plain sentence for a failed getUserMedia, with what to do next. `what` names the devices
 * asked for ("microphone", "camera", "microphone and camera").
 */
export function mediaErrorMessage(err: unknown, what: string): string {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `The browser blocked the ${what} for this site. Allow it (the camera icon in the address bar, or the site's settings), then try again. You can still hear and see the others.`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `No ${what} was found. Plug one in (or pick another in the device list), then try again. You can still hear and see the others.`;
    case 'NotReadableError':
    case 'AbortError':
      return `The ${what} is in use by another app or was stopped by the system. Close the other app, then try again.`;
    default:
      return `The ${what} could not be opened (${name || 'unknown error'}). Try again, or reload the page.`;
  }
}

/** Opens one kind of device; null with a message when it cannot be had. */
export async function openTrack(
  kind: 'audio' | 'video',
  deviceId: string | undefined,
): Promise<{ track: MediaStreamTrack | null; problem: string | null }> {
  const what = kind === 'audio' ? 'microphone' : 'camera';
  if (!navigator.mediaDevices?.getUserMedia) {
    return { track: null, problem: `This browser cannot open a ${what} here (it needs HTTPS or localhost).` };
  }
  const constraint: MediaTrackConstraints | boolean = deviceId ? { deviceId: { exact: deviceId } } : true;
  try {
    const stream = await navigator.mediaDevices.getUserMedia(
      kind === 'audio' ? { audio: constraint } : { video: constraint },
    );
    return { track: stream.getTracks()[0] ?? null, problem: null };
  } catch (err) {
    return { track: null, problem: mediaErrorMessage(err, what) };
  }
}

/** The microphones and cameras the browser lists (labels appear once a device was allowed). */
export async function listDevices(): Promise<{ audio: MediaDeviceInfo[]; video: MediaDeviceInfo[] }> {
  const devices = (await navigator.mediaDevices?.enumerateDevices?.().catch(() => [])) ?? [];
  return {
    audio: devices.filter((d) => d.kind === 'audioinput' && d.deviceId),
    video: devices.filter((d) => d.kind === 'videoinput' && d.deviceId),
  };
}

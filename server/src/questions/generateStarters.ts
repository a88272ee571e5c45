import {
  type CodingProblem,
  formatValueType,
  type TupleItem,
  typedSignature,
  type ValueType,
} from '@mockloop/shared';

type Compiled = 'java' | 'cpp' | 'go';
type Signature = NonNullable<ReturnType<typeof typedSignature>>;

/**
 * The coding section with Java, C++ and Go signatures and starter code generated from its typed
 * parameters wherever the question file does not give its own (the file's text always wins).
 * A question without types comes back unchanged: those languages then run code, not its tests.
 */
export function withGeneratedStarters(coding: CodingProblem): CodingProblem {
  const signature = typedSignature(coding);
  if (!signature) return coding;
  const out: CodingProblem = {
    ...coding,
    entry: { ...coding.entry },
    signature: { ...coding.signature },
    starterCode: { ...coding.starterCode },
  };
  for (const language of ['java', 'cpp', 'go'] as const) {
    const entry = coding.entry[language] ?? coding.entry.javascript;
    out.entry[language] = entry;
    const generated = GENERATORS[language](entry, signature, coding);
    out.signature[language] ??= generated.signature;
    out.starterCode[language] ??= generated.starter;
  }
  return out;
}

interface Generated {
  signature: string;
  starter: string;
}

const GENERATORS: Record<Compiled, (entry: string, s: Signature, coding: CodingProblem) => Generated> = {
  java: javaStarter,
  cpp: cppStarter,
  go: goStarter,
};

const pascal = (name: string) => name.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());
const isHomogeneous = (items: TupleItem[]) =>
  items.every((item) => formatValueType(item.type) === formatValueType((items[0] as TupleItem).type));

/** Comment lines naming each parameter's and the result's meaning, in a language's comment style. */
function contractComment(coding: CodingProblem, prefix: string): string {
  const lines = coding.parameters.map((p) => `${prefix} ${p.name}: ${p.type}`);
  lines.push(`${prefix} returns: ${coding.returns.type}`);
  return lines.join('\n');
}

/** Records and structs for the tuples whose items differ in type, named after their fields. */
function tupleTypes(signature: Signature): Map<string, TupleItem[]> {
  const found = new Map<string, TupleItem[]>();
  const visit = (type: ValueType) => {
    if (type.kind === 'list') visit(type.of);
    if (type.kind !== 'tuple') return;
    for (const item of type.items) visit(item.type);
    if (isHomogeneous(type.items)) return;
    found.set(formatValueType(type), type.items);
  };
  for (const p of signature.params) visit(p.type);
  visit(signature.returns);
  return found;
}

function tupleName(items: TupleItem[], index: number): string {
  return items.every((item) => item.name)
    ? items.map((item) => pascal(item.name as string)).join('')
    : `Tuple${index + 1}`;
}

function fieldName(item: TupleItem, index: number): string {
  return item.name ?? `v${index}`;
}

// ---- Java -----------------------------------------------------------------------------------

function javaStarter(entry: string, signature: Signature, coding: CodingProblem): Generated {
  const records = [...tupleTypes(signature).entries()];
  const names = new Map(records.map(([key, items], i) => [key, tupleName(items, i)]));
  const scalar: Record<string, [string, string]> = {
    int: ['int', 'Integer'],
    long: ['long', 'Long'],
    float: ['double', 'Double'],
    string: ['String', 'String'],
    bool: ['boolean', 'Boolean'],
  };
  /** Parameters take arrays; results are Lists (any List or array is accepted back). */
  const type = (t: ValueType, boxed: boolean, result: boolean): string => {
    if (t.kind === 'list')
      return result ? `List<${type(t.of, true, true)}>` : `${type(t.of, false, false)}[]`;
    if (t.kind === 'tuple') {
      const record = names.get(formatValueType(t));
      return record ?? `${type((t.items[0] as TupleItem).type, false, false)}[]`;
    }
    const [plain, box] = scalar[t.kind] as [string, string];
    return boxed ? box : plain;
  };
  const zero = (t: ValueType): string => {
    if (t.kind === 'list') return 'new ArrayList<>()';
    if (t.kind === 'tuple') return 'null';
    return { int: '0', long: '0L', float: '0.0', string: '""', bool: 'false' }[t.kind];
  };
  const params = signature.params.map((p) => `${type(p.type, false, false)} ${p.name}`).join(', ');
  const header = `public ${type(signature.returns, false, true)} ${entry}(${params})`;
  const recordLines = records.map(([key, items]) => {
    const fields = items
      .map((item, i) => `${type(item.type, false, false)} ${fieldName(item, i)}`)
      .join(', ');
    return `    record ${names.get(key)}(${fields}) {}\n\n`;
  });
  const starter = [
    'import java.util.*;',
    '',
    'class Solution {',
    `${recordLines.join('')}${contractComment(coding, '    //')}`,
    `    ${header} {`,
    '        // Write your solution here.',
    `        return ${zero(signature.returns)};`,
    '    }',
    '}',
    '',
  ].join('\n');
  return { signature: header, starter };
}

// ---- C++ ------------------------------------------------------------------------------------

function cppStarter(entry: string, signature: Signature, coding: CodingProblem): Generated {
  const type = (t: ValueType): string => {
    if (t.kind === 'list') return `vector<${type(t.of)}>`;
    if (t.kind === 'tuple') {
      const items = t.items.map((item) => type(item.type));
      return items.length === 2 ? `pair<${items.join(', ')}>` : `tuple<${items.join(', ')}>`;
    }
    return { int: 'int', long: 'long long', float: 'double', string: 'string', bool: 'bool' }[t.kind];
  };
  const param = (p: { name: string; type: ValueType }) =>
    p.type.kind === 'list' || p.type.kind === 'tuple' || p.type.kind === 'string'
      ? `const ${type(p.type)}& ${p.name}`
      : `${type(p.type)} ${p.name}`;
  const header = `${type(signature.returns)} ${entry}(${signature.params.map(param).join(', ')})`;
  const zero = signature.returns.kind === 'bool' ? 'false' : '{}';
  const starter = [
    '#include <bits/stdc++.h>',
    'using namespace std;',
    '',
    contractComment(coding, '//'),
    `${header} {`,
    '    // Write your solution here.',
    `    return ${zero};`,
    '}',
    '',
  ].join('\n');
  return { signature: header, starter };
}

// ---- Go -------------------------------------------------------------------------------------

function goStarter(entry: string, signature: Signature, coding: CodingProblem): Generated {
  const structs = [...tupleTypes(signature).entries()];
  const names = new Map(structs.map(([key, items], i) => [key, tupleName(items, i)]));
  const type = (t: ValueType): string => {
    if (t.kind === 'list') return `[]${type(t.of)}`;
    if (t.kind === 'tuple') {
      return names.get(formatValueType(t)) ?? `[${t.items.length}]${type((t.items[0] as TupleItem).type)}`;
    }
    return { int: 'int', long: 'int64', float: 'float64', string: 'string', bool: 'bool' }[t.kind];
  };
  const zero = (t: ValueType): string => {
    if (t.kind === 'list') return 'nil';
    if (t.kind === 'tuple') return `${type(t)}{}`;
    return { int: '0', long: '0', float: '0', string: '""', bool: 'false' }[t.kind];
  };
  const params = signature.params.map((p) => `${p.name} ${type(p.type)}`).join(', ');
  const header = `func ${entry}(${params}) ${type(signature.returns)}`;
  // Exported fields: the harness fills them by reflection, in order (a tuple).
  const structLines = structs.map(([key, items]) => {
    const width = Math.max(...items.map((item, i) => pascal(fieldName(item, i)).length));
    const fields = items
      .map((item, i) => `\t${pascal(fieldName(item, i)).padEnd(width)} ${type(item.type)}\n`)
      .join('');
    return `type ${names.get(key)} struct {\n${fields}}\n\n`;
  });
  const starter = [
    'package main',
    '',
    `${structLines.join('')}${contractComment(coding, '//')}`,
    `${header} {`,
    '\t// Write your solution here.',
    `\treturn ${zero(signature.returns)}`,
    '}',
    '',
  ].join('\n');
  return { signature: header, starter };
}

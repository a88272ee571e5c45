import { indentUnit } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import type { Language } from '@mockloop/shared';

/**
 * CodeMirror highlighting and indentation for each room language, loaded on first use: the six
 * grammars together are bigger than the rest of the editor.
 */
export async function loadLanguageSupport(language: Language): Promise<Extension> {
  switch (language) {
    case 'python':
    case 'python-numpy':
      // PEP 8's four spaces, as the bank's starter code is written.
      return [(await import('@codemirror/lang-python')).python(), indentUnit.of('    ')];
    case 'javascript':
      return (await import('@codemirror/lang-javascript')).javascript();
    case 'typescript':
      return (await import('@codemirror/lang-javascript')).javascript({ typescript: true });
    case 'java':
      return [(await import('@codemirror/lang-java')).java(), indentUnit.of('    ')];
    case 'cpp':
      return [(await import('@codemirror/lang-cpp')).cpp(), indentUnit.of('    ')];
    case 'go':
      // gofmt indents with tabs.
      return [(await import('@codemirror/lang-go')).go(), indentUnit.of('\t')];
  }
}

import type { Plugin } from 'vite';

/**
 * @replit/codemirror-emacs 6.1 registers its key bindings and named commands with calls marked
 * pure at the top of its module (`/*@__PURE__*\/EmacsHandler.bindKey(...)`), and declares no side
 * effects: a production build drops them, and Emacs mode then answers no key. This keeps those
 * calls (the module loads only when someone picks Emacs).
 */
export function emacsKeyBindings(): Plugin {
  return {
    name: 'mockloop-emacs-key-bindings',
    transform(code, id) {
      if (!/@replit[\\/]codemirror-emacs[\\/]dist[\\/]index\.js$/.test(id)) return null;
      return { code: code.replaceAll('/*@__PURE__*/EmacsHandler.', 'EmacsHandler.'), map: null };
    },
  };
}

import { useEffect, useState } from 'react';

/**
 * False until the browser has painted once after mounting, then true: for a heavy child (the
 * replay's board: Excalidraw, most of a megabyte to compile) that should not hold up the first paint.
 */
export function useMountAfterPaint(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setMounted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return mounted;
}

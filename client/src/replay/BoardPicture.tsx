import { useEffect, useRef, useState } from 'react';
import type { SyncedElement } from '../board/BoardBinding';
import { describeBoard } from './describeBoard';

interface Props {
  elements: readonly SyncedElement[];
  roomId: string;
  secret: string;
  round: number;
}

/** The round's final board as a picture in the report (it prints, unlike a canvas). */
export function BoardPicture({ elements, roomId, secret, round }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    import('./boardSvg')
      .then(({ boardSvg }) => boardSvg(elements, roomId, secret))
      .then(
        (svg) => {
          if (!current || !host.current) return;
          host.current.replaceChildren(svg);
        },
        () => current && setFailed(true),
      );
    return () => {
      current = false;
    };
  }, [elements, roomId, secret]);

  if (failed)
    return <p className="error">The board picture could not be drawn. The replay above still shows it.</p>;
  return (
    <figure className="board-picture">
      <div ref={host} className="board-picture-svg" role="img" aria-label={`Final board of round ${round}`} />
      <figcaption className="muted small">{describeBoard(elements)}</figcaption>
    </figure>
  );
}

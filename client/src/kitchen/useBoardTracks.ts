/**
 * The board's tracks for the space it has: its width is watched, so a
 * rotated tablet or a resized window re-shares the columns at once.
 */
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import type { BoardColumn } from '@ticketrail/shared';
import { boardTracks, type BoardTracks } from './board-layout';

/** Until the board is measured (and where nothing measures, as in jsdom): a 1080p screen. */
const UNMEASURED_REM = 118;

function widthInRem(element: HTMLElement): number {
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const style = getComputedStyle(element);
  const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
  return (element.clientWidth - padding) / rootPx;
}

export function useBoardTracks(
  board: RefObject<HTMLElement | null>,
  counts: Record<BoardColumn, number>,
): BoardTracks {
  const [width, setWidth] = useState(UNMEASURED_REM);
  useLayoutEffect(() => {
    const element = board.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const rem = widthInRem(element);
      if (rem > 0) setWidth(rem);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [board]);
  const { new: fresh, preparing, ready } = counts;
  return useMemo(
    () => boardTracks(width, { new: fresh, preparing, ready }),
    [width, fresh, preparing, ready],
  );
}

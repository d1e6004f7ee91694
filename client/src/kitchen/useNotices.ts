/** Short messages on the board (a refused bump, a failed 86), each gone after a while. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Notice {
  key: number;
  message: string;
}

const SHOWN_FOR_MS = 8000;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextKey = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((key: number) => {
    setNotices((current) => current.filter((notice) => notice.key !== key));
  }, []);

  const notify = useCallback(
    (message: string) => {
      const key = nextKey.current++;
      // The newest on top; three at most, so the toolbar never fills up.
      setNotices((current) => [{ key, message }, ...current].slice(0, 3));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        dismiss(key);
      }, SHOWN_FOR_MS);
      timers.current.add(timer);
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  return { notices, notify, dismiss };
}

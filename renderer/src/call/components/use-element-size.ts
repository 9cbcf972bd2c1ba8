import { useEffect, useRef, useState } from 'react';
import type { Box } from '../layout/stage-plan.js';

/** An element's content box, kept current by a ResizeObserver. */
export function useElementSize<Element extends HTMLElement>(): [React.RefObject<Element | null>, Box] {
  const ref = useRef<Element>(null);
  const [size, setSize] = useState<Box>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      setSize((current) => (current.width === width && current.height === height ? current : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

import { isTopFrame } from '@/content/frame-gate';

/**
 * Whether the next-mention command is this frame's: focus is in this document and not further down in
 * a frame of it, or, for the top frame, in no document of the page at all (the browser's toolbar).
 */
export function hasReadersFocus(): boolean {
  // A frame's document has focus whenever one of its own frames has: then the command is not the top's.
  if (!document.hasFocus()) return isTopFrame();
  const active = document.activeElement;
  return !(active instanceof HTMLIFrameElement || active instanceof HTMLFrameElement);
}

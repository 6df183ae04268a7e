import type { PageInfo } from '../shared/protocol.ts';

export function getPageInfo(doc: Document, frameId: number): PageInfo {
  const view = doc.defaultView;
  return {
    frameId,
    url: doc.URL,
    title: doc.title,
    isTop: view !== null && view === view.top,
    readyState: doc.readyState,
  };
}

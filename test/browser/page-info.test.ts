import { afterEach, describe, expect, it } from 'vitest';
import { getPageInfo } from '../../src/content/page-info.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('getPageInfo', () => {
  it('describes a loaded document', () => {
    document.title = 'Test document';
    // Vitest itself runs each test file inside a frame, so this document is not the top.
    expect(getPageInfo(document, 2)).toEqual({ frameId: 2, url: location.href, title: 'Test document', isTop: false, readyState: 'complete' });
  });

  it('knows a framed document is not the top', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<title>Inner</title><p>framed</p>';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const inner = frame.contentDocument;
    if (!inner) throw new Error('no frame document');
    expect(getPageInfo(inner, 4)).toMatchObject({ frameId: 4, title: 'Inner', isTop: false, url: 'about:srcdoc' });
  });
});

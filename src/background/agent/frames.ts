import type { Observation } from '../../shared/results.ts';
import { requestFrame } from '../router.ts';

// Cross-origin frames are observed by their own content scripts; the parent's snapshot names
// them in order with their src, and they are matched here to the browser's frame ids.

export interface FrameNode {
  frameId: number;
  /** Ref prefix for this frame's elements in a stitched snapshot: "" for the top, "f7:" below. */
  prefix: string;
  /** Where the frame's content sits in the top viewport (approximate for nested frames). */
  offset: { x: number; y: number };
  observation: Observation;
  children: FrameNode[];
}

const MAX_DEPTH = 3;

async function childFrames(tabId: number): Promise<chrome.webNavigation.GetAllFrameResultDetails[]> {
  try {
    return (await chrome.webNavigation.getAllFrames({ tabId })) ?? [];
  } catch {
    return [];
  }
}

export async function frameTree(tabId: number, options: { maxTokens?: number | undefined; full?: boolean | undefined } = {}): Promise<FrameNode> {
  const all = await childFrames(tabId);
  const visit = async (frameId: number, prefix: string, offset: { x: number; y: number }, depth: number): Promise<FrameNode> => {
    const observation = await requestFrame({ tabId, frameId }, 'page.observe', { ...options, refPrefix: prefix });
    const node: FrameNode = { frameId, prefix, offset, observation, children: [] };
    if (depth >= MAX_DEPTH || observation.frames.length === 0) return node;
    const available = all.filter((frame) => frame.parentFrameId === frameId);
    for (const child of observation.frames) {
      const match = available.find((frame) => frame.url === child.src) ?? available.find((frame) => child.src && frame.url.startsWith(child.src.split('#')[0] ?? child.src));
      if (!match) continue;
      available.splice(available.indexOf(match), 1);
      try {
        node.children[child.index] = await visit(match.frameId, `f${match.frameId}:`, { x: offset.x + child.box.x, y: offset.y + child.box.y }, depth + 1);
      } catch {
        // A frame that cannot be reached (a browser page, or one still loading) stays a placeholder.
      }
    }
    return node;
  };
  return visit(0, '', { x: 0, y: 0 }, 0);
}

export function flatten(node: FrameNode): FrameNode[] {
  return [node, ...node.children.filter(Boolean).flatMap(flatten)];
}

/** The snapshot with each frame's own snapshot indented where its placeholder stood. */
export function stitch(node: FrameNode): string {
  return node.observation.text.replace(/^(\s*)- (.*) \{\{frame:(\d+)\}\}$/gm, (_line, indent: string, label: string, index: string) => {
    const child = node.children[Number(index)];
    if (!child) return `${indent}- ${label} [not readable]`;
    const inner = stitch(child)
      .split('\n')
      .map((line) => `${indent}  ${line}`)
      .join('\n');
    return `${indent}- ${label} [frame ${child.frameId}, ${new URL(child.observation.url).origin}]:\n${inner}`;
  });
}

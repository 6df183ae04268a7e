import type { GroundReport } from '../../shared/results.ts';
import type { FrameNode } from './frames.ts';

export const CLEAR_MARGIN_ACROSS_FRAMES = 0.88;

/** The frame whose best element fits clearly better than any other frame's; else ambiguous. */
export function pickFrame(reports: { node: FrameNode; report: GroundReport }[]): { node?: FrameNode; report: GroundReport } {
  const ranked = [...reports].sort((a, b) => b.report.bestScore - a.report.bestScore);
  const [first, second] = ranked;
  if (!first) return { report: { kind: 'not-found', message: 'The page has no frames to look in.', candidates: [], bestScore: 0 } };
  const withMatch = ranked.filter((entry) => entry.report.kind !== 'not-found');
  if (withMatch.length > 1 && second && second.report.kind !== 'not-found' && second.report.bestScore >= first.report.bestScore * CLEAR_MARGIN_ACROSS_FRAMES) {
    const candidates = withMatch.flatMap((entry) => entry.report.candidates.slice(0, 3));
    return {
      report: {
        kind: 'ambiguous',
        message: `Elements in more than one frame fit about equally: ${candidates.map((c) => `[${c.ref}] ${c.role} "${c.name}"`).join(', ')}. Name one by its ref.`,
        candidates,
        bestScore: first.report.bestScore,
      },
    };
  }
  return { node: first.node, report: first.report };
}

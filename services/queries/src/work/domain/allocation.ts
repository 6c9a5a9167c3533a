import { refusal, type Officer, type TaskNeeds } from './officer';

/** An officer who might be given work, with the open tasks they hold now. */
export interface Candidate {
  officer: Officer;
  open: number;
}

/**
 * The least-loaded candidate who may be given the task now (ties to the lowest id, so the choice is
 * stable), or undefined when nobody may.
 */
export function leastLoaded(task: TaskNeeds, candidates: readonly Candidate[], at: Date) {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (refusal(c.officer, task, c.open, at) !== null) continue;
    if (!best || c.open < best.open || (c.open === best.open && c.officer.userId < best.officer.userId)) best = c;
  }
  return best;
}

/**
 * Shares tasks out among candidates, highest priority first, each to the least-loaded one who may take
 * it, counting what each has been given so far against their capacity. What nobody may take is
 * `unplaced` (it goes back to its queue).
 */
export function shareOut<T extends TaskNeeds & { id: string }>(
  tasks: readonly T[],
  candidates: readonly Candidate[],
  at: Date,
): { placed: { task: T; officer: string }[]; unplaced: T[] } {
  const load = candidates.map((c) => ({ ...c }));
  const placed: { task: T; officer: string }[] = [];
  const unplaced: T[] = [];
  for (const task of tasks) {
    const to = leastLoaded(task, load, at);
    if (!to) unplaced.push(task);
    else {
      to.open++;
      placed.push({ task, officer: to.officer.userId });
    }
  }
  return { placed, unplaced };
}

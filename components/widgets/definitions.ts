/**
 * Widget definitions (drawing, tables, sentences), by widget name. The build imports them to
 * embed each default figure; in the browser only the experiment worker loads them (and with
 * them Observable Plot), when a widget first runs.
 */
import type { WidgetDefinition } from '../runtime/definition.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DEFINITIONS: Record<string, () => Promise<WidgetDefinition<any, any>>> = {
  DecisionBoundary: () => import('./decision-boundary/definition.ts').then((m) => m.decisionBoundaryWidget),
  DepthSignal: () => import('./depth-signal/definition.ts').then((m) => m.depthSignalWidget),
  InitRecipes: () => import('./recipes/definition.ts').then((m) => m.recipesWidget),
  TrainingRace: () => import('./training-race/definition.ts').then((m) => m.trainingRaceWidget),
};

/**
 * Widget definitions (drawing, tables, sentences), by tag name, loaded when a widget nears the
 * viewport: this is what brings Observable Plot to the page.
 */
import type { WidgetDefinition } from '../runtime/definition.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DEFINITIONS: Record<string, () => Promise<WidgetDefinition<any, any>>> = {
  DecisionBoundary: () => import('./decision-boundary/definition.ts').then((m) => m.decisionBoundaryWidget),
  DepthSignal: () => import('./depth-signal/definition.ts').then((m) => m.depthSignalWidget),
  InitRecipes: () => import('./recipes/definition.ts').then((m) => m.recipesWidget),
  TrainingRace: () => import('./training-race/definition.ts').then((m) => m.trainingRaceWidget),
};

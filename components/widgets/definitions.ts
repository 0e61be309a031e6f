/**
 * Widget definitions (drawing, tables, sentences), by tag name, loaded when a widget nears the
 * viewport: this is what brings Observable Plot to the page.
 */
import type { WidgetDefinition } from '../runtime/definition.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DEFINITIONS: Record<string, () => Promise<WidgetDefinition<any, any>>> = {
  DepthSignal: () => import('./depth-signal/definition.ts').then((m) => m.depthSignalWidget),
  TrainingRace: () => import('./training-race/definition.ts').then((m) => m.trainingRaceWidget),
};

/**
 * The engine's public surface: everything chapters, widgets, code cells and tests may import.
 * This file only re-exports; each concept lives in its own file. (lib/kernels.ts is left out on
 * purpose: its raw loops skip the shape checks that matrix.ts's products do first.)
 * @module
 */
export * from './version.ts'
export * from './matrix.ts'
export * from './rng.ts'
export * from './initializers.ts'
export * from './activations.ts'
export * from './losses.ts'
export * from './regularizers.ts'
export * from './dense.ts'
export * from './network.ts'
export * from './stats.ts'
export * from './histogram.ts'
export * from './datasets.ts'
export * from './train.ts'
export * from './record.ts'
export * from './divergence.ts'

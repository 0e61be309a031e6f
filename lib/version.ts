/**
 * The engine's version, written into exported runs so a result can be matched to the code that
 * produced it. Raise it whenever a change alters any number the engine computes.
 */
export const ENGINE_VERSION = '0.1.0'

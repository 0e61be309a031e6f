/**
 * Site-wide settings. A fork changes these and nothing else to make the site its own.
 */
export const SETTINGS = {
  title: 'Improving Neural Networks',
  tagline: 'A live notebook on weight initialization: where a network’s weights start decides whether it trains',
  description:
    'Learn by experiment how weight initialization changes the training of a neural network: why all-zero weights never break symmetry, and how Glorot’s and He’s variances keep a signal’s scale through depth. Every figure is computed by the small engine shown on the page, when the site is built and again in your browser when you change it.',
  /**
   * Where a chapter's source can be edited, as a URL prefix to which the chapter's path
   * (e.g. `content/chapters/how-to-use.mdx`) is appended — for a GitHub fork:
   * `https://github.com/<you>/<repo>/edit/main/`. When null, chapter pages name the file to
   * edit and point to the forking guide instead of linking to a host.
   */
  editUrlBase: null as string | null,
} as const;

/** The edit link (or null) for a chapter whose file is `content/chapters/<file>`. */
export function editUrl(filePath: string): string | null {
  return SETTINGS.editUrlBase ? SETTINGS.editUrlBase + filePath.replace(/^\.\//, '') : null;
}

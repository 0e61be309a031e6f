/**
 * Display formulas and tables that scroll sideways (marked `data-scroll-box` by
 * rehype-scroll-boxes.mjs and ScrollBox.astro) are named tab stops only while they scroll.
 */
import { focusableWhileScrolling } from '../../components/runtime/scroll-focus.ts';

for (const box of document.querySelectorAll<HTMLElement>('[data-scroll-box]')) focusableWhileScrolling(box, { landmark: true });

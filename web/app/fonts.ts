import localFont from 'next/font/local';

/**
 * Inter, the app's typeface: the Latin part of its variable font, served with the app's static files and preloaded
 * with every page. next/font also declares a fallback face (local Arial, resized and with Inter's line metrics)
 * that text shows in until the file arrives, so that the swap moves nothing: a page's text wraps alike in both.
 * Characters outside Latin show in the fallback.
 */
export const inter = localFont({
  src: '../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  style: 'normal',
  display: 'swap',
  variable: '--font-inter',
});

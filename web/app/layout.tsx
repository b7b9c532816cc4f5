import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { SessionProvider } from '@/components/session/session-provider';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { readServerSession } from '@/lib/server-session';
import { inter } from './fonts';

export const metadata: Metadata = {
  title: { default: 'Seatstorm — live seat maps', template: '%s · Seatstorm' },
  description: 'Pick your seats on a live seat map and see every seat change the moment someone else takes it.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f5f6fa' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0c15' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Who is signed in, never their token: a rendered page is no place for it (the provider fetches it).
  const user = (await readServerSession())?.user ?? null;
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <SessionProvider signedInUser={user}>
          <SiteHeader />
          <main className="container">{children}</main>
          <SiteFooter />
        </SessionProvider>
      </body>
    </html>
  );
}

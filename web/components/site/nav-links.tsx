'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from '../session/session-provider';
import styles from './site-header.module.css';

export function NavLinks() {
  const { user } = useSession();
  const pathname = usePathname() ?? '/';
  const links = [
    { href: '/', label: 'Events', current: pathname === '/' || pathname.startsWith('/events') },
    ...(user ? [{ href: '/bookings', label: 'My bookings', current: pathname.startsWith('/bookings') || pathname.startsWith('/checkout') }] : []),
    ...(user?.role === 'admin' || user?.role === 'staff' ? [{ href: '/check-in', label: 'Door', current: pathname.startsWith('/check-in') }] : []),
    ...(user?.role === 'admin' ? [{ href: '/admin', label: 'Admin', current: pathname.startsWith('/admin') }] : []),
  ];
  return (
    <nav aria-label="Main" className={styles.nav}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} className={styles.navLink} aria-current={link.current ? 'page' : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

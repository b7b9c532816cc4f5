import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { DemoSignInRedirect } from '@/components/auth/demo-sign-in-redirect';
import { LoginForm } from '@/components/auth/login-form';
import { isDemoMode } from '@/lib/config';
import { safeNextPath } from '@/lib/safe-next';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const next = safeNextPath((await searchParams).next);
  return (
    <AuthCard
      title="Sign in"
      lede="Hold seats, pay and see your bookings."
      footer={
        <>
          New to Seatstorm? <Link href={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
        </>
      }
    >
      {isDemoMode() ? <DemoSignInRedirect next={next} /> : null}
      <LoginForm next={next} />
    </AuthCard>
  );
}

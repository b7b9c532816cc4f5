import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { RegisterForm } from '@/components/auth/register-form';
import { safeNextPath } from '@/lib/safe-next';

export const metadata: Metadata = { title: 'Create an account' };

export default async function RegisterPage({ searchParams }: PageProps<'/register'>) {
  const next = safeNextPath((await searchParams).next);
  return (
    <AuthCard
      title="Create an account"
      lede="It takes a few seconds, and your seats are waiting."
      footer={
        <>
          Already have an account? <Link href={`/login?next=${encodeURIComponent(next)}`}>Sign in</Link>
        </>
      }
    >
      <RegisterForm next={next} />
    </AuthCard>
  );
}

import { randomUUID } from 'node:crypto';
import { expect, test } from '../fixtures/test';

test.describe('signing in', () => {
  test('with email and password through the form, after a wrong password that is named plainly', async ({ event, newUser, page }) => {
    const dana = await newUser('Dana');
    await page.goto(`/login?next=${encodeURIComponent(`/events/${event.id}`)}`);

    await page.getByLabel('Email').fill(dana.email);
    await page.getByLabel('Password').fill(`${dana.password}-typo`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: "That email and password don't match an account." })).toBeVisible();

    await page.getByLabel('Password').fill(dana.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${event.id}$`));
    await expect(page.getByTestId('signed-in-user')).toHaveText(/Dana/);
    await expect(page.getByTestId('hold-button')).toBeVisible();
  });

  test('a new account through the register form, its fields checked before anything is sent', async ({ page }) => {
    await page.goto('/register');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Tell us your name.')).toBeVisible();
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible();

    await page.getByLabel('Name').fill('Eli');
    await page.getByLabel('Email').fill(`eli-${randomUUID().slice(0, 8)}@e2e.example.org`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('signed-in-user')).toHaveText(/Eli/);
  });
});

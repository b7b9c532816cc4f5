import { describe, expect, it } from 'vitest';
import { attachmentName } from './api';

describe('the name of a downloaded file', () => {
  it('is the one the gateway gives in Content-Disposition', () => {
    expect(attachmentName('attachment; filename="sales-evt_eras-20261207T1402.csv"')).toBe('sales-evt_eras-20261207T1402.csv');
    expect(attachmentName('attachment;filename="a.csv"')).toBe('a.csv');
  });

  it('is none when the header is missing, unreadable or names a path', () => {
    expect(attachmentName(null)).toBeNull();
    expect(attachmentName('attachment')).toBeNull();
    expect(attachmentName('attachment; filename=""')).toBeNull();
    expect(attachmentName('attachment; filename="../../etc/passwd"')).toBeNull();
  });
});

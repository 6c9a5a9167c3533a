import { assertVersionMove, checkArticleText, checkTags } from './article';

describe('knowledge article versions', () => {
  it('publishes drafts and retires published versions, and nothing comes back from retired', () => {
    expect(() => assertVersionMove('draft', 'published')).not.toThrow();
    expect(() => assertVersionMove('published', 'retired')).not.toThrow();
    expect(() => assertVersionMove('retired', 'published')).toThrow('The version is retired');
    expect(() => assertVersionMove('published', 'draft')).toThrow('A published version cannot become draft');
  });

  it('refuses blank text and unknown services, naming the field', () => {
    expect(() => checkArticleText(' ', 'body')).toThrow(
      expect.objectContaining({ fieldErrors: [{ field: 'title', message: 'must not be blank' }] }),
    );
    expect(() => checkTags(['probate', 'parking'])).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'serviceTags' })] }),
    );
    expect(checkTags(['fees', 'fees', 'probate'])).toEqual(['fees', 'probate']);
  });
});

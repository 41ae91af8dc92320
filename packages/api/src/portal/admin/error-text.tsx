/**
 * An error beside a group of controls (a fieldset of checkboxes or radios), written as
 * the form fields write theirs.
 */
import type { LocalizedText } from '@sme/core';
import type { FC } from 'hono/jsx';

export const ErrorText: FC<{ id: string; error?: LocalizedText | undefined }> = ({ id, error }) =>
  error ? (
    <span class="error-text" id={id}>
      {error.zh}
      <span class="en" lang="en">
        {' '}
        {error.en}
      </span>
    </span>
  ) : null;

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'ccsc:public';

/** Marks a handler or controller as reachable without a token (health only). Everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

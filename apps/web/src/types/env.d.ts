// Next's ambient types, so `tsc --noEmit` works on a fresh clone before next-env.d.ts is generated.
/// <reference types="next" />
/// <reference types="next/image-types/global" />

import type { FormState } from "@/lib/forms";

/** A server action bound to a form with useActionState; pages pass it down as a prop. */
export type ServerAction = (prev: FormState, data: FormData) => Promise<FormState>;

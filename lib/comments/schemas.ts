import { z } from "zod";

export const CommentSchema = z.object({
  body: z
    .string()
    .trim()
    .min(3, "Le commentaire doit compter au moins 3 caractères.")
    .max(2000, "2 000 caractères au plus."),
});

export type CommentView = { id: string; body: string; author: string; at: string };

import { z } from "zod";

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Saisissez une adresse électronique valide.")),
  password: z.string().min(1, "Saisissez votre mot de passe."),
});

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel."),
    newPassword: z.string().min(12, "Le nouveau mot de passe doit compter au moins 12 caractères.").max(200, "200 caractères au plus."),
    confirmation: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmation, { path: ["confirmation"], message: "Les deux saisies ne correspondent pas." });

export const SESSION_HOURS = 12;
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

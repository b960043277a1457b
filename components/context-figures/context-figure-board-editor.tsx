"use client";

import { useState } from "react";
import { contextFigureFormValues, type ContextFigureValues } from "@/lib/context-figures/schemas";
import type { FormState } from "@/lib/forms";
import { ContextFigureForm } from "./context-figure-form";
import { ContextFigureTable } from "./context-figure-table";

type ServerAction = (prev: FormState, data: FormData) => Promise<FormState>;

const ADD_BUTTON = "ajouter-annee";
const editButton = (id: string) => `modifier-${id}`;

/** The figures table with a button per year and one to add a year; one form open at a time, under the table. */
export function ContextFigureBoardEditor({ departmentCode, figures, action }: { departmentCode: string; figures: ContextFigureValues[]; action: ServerAction }) {
  const [open, setOpen] = useState<string | null>(null); // "new" or a figure's id
  const editing = open && open !== "new" ? (figures.find((f) => f.id === open) ?? null) : null;

  function close() {
    const opener = open === "new" ? ADD_BUTTON : open ? editButton(open) : null;
    setOpen(null);
    // Back to the button that opened the form, for keyboard users.
    if (opener) requestAnimationFrame(() => document.getElementById(opener)?.focus());
  }

  return (
    <div className="space-y-4">
      <ContextFigureTable
        figures={figures}
        rowAction={(f) => (
          <button
            type="button"
            id={editButton(f.id)}
            aria-expanded={open === f.id}
            onClick={() => setOpen(open === f.id ? null : f.id)}
            className="whitespace-nowrap rounded border border-marianne px-3 py-1 text-marianne hover:bg-marianne-light"
          >
            Modifier<span className="sr-only"> les chiffres {f.year}</span>
          </button>
        )}
      />
      <button
        type="button"
        id={ADD_BUTTON}
        aria-expanded={open === "new"}
        onClick={() => setOpen(open === "new" ? null : "new")}
        className="rounded bg-marianne px-4 py-2 font-medium text-white hover:bg-blue-900"
      >
        Ajouter une année
      </button>
      {open ? (
        <ContextFigureForm
          key={open}
          action={action}
          initial={contextFigureFormValues(departmentCode, editing)}
          isDemo={editing?.isDemo ?? false}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

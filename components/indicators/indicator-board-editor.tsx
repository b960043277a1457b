"use client";

import { useState } from "react";
import { indicatorValueFormValues, type CommitmentIndicators } from "@/lib/indicators/schemas";
import type { FormState } from "@/lib/forms";
import { IndicatorTables } from "./indicator-tables";
import { IndicatorValueForm } from "./indicator-value-form";

type ServerAction = (prev: FormState, data: FormData) => Promise<FormState>;

const buttonId = (indicatorId: string, year: number) => `saisir-${indicatorId}-${year}`;

/** The indicator tables with a button per (indicator, year); one form open at a time, under its table. */
export function IndicatorBoardEditor({ commitments, contractId, action }: { commitments: CommitmentIndicators[]; contractId: string; action: ServerAction }) {
  const [open, setOpen] = useState<{ indicatorId: string; year: number } | null>(null);

  function close() {
    const opener = open ? buttonId(open.indicatorId, open.year) : null;
    setOpen(null);
    // Back to the button that opened the form, for keyboard users.
    if (opener) requestAnimationFrame(() => document.getElementById(opener)?.focus());
  }

  return (
    <IndicatorTables
      commitments={commitments}
      rowAction={(indicator, row) => {
        const isOpen = open?.indicatorId === indicator.id && open.year === row.year;
        return (
          <button
            type="button"
            id={buttonId(indicator.id, row.year)}
            aria-expanded={isOpen}
            onClick={() => setOpen(isOpen ? null : { indicatorId: indicator.id, year: row.year })}
            className="whitespace-nowrap rounded border border-marianne px-3 py-1 text-marianne hover:bg-marianne-light"
          >
            {row.id ? "Modifier" : "Saisir"}
            <span className="sr-only">
              {" "}
              les valeurs {row.year} de « {indicator.label} »
            </span>
          </button>
        );
      }}
      afterIndicator={(indicator) => {
        if (open?.indicatorId !== indicator.id) return null;
        const row = indicator.years.find((y) => y.year === open.year) ?? null;
        return (
          <IndicatorValueForm
            key={`${indicator.id}:${open.year}`}
            action={action}
            indicator={indicator}
            year={open.year}
            initial={indicatorValueFormValues({ contractId, indicatorId: indicator.id, year: open.year }, row?.id ? row : null)}
            onClose={close}
          />
        );
      }}
    />
  );
}

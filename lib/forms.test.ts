import { describe, expect, it } from "vitest";
import { formText, formValues } from "./forms";

describe("formValues", () => {
  it("garde les champs texte, sans les champs techniques de Next ni les fichiers, et retire les caractères NUL", () => {
    const data = new FormData();
    data.append("$ACTION_KEY", "k1");
    data.append("title", "Maison\u0000 des 1 000 jours");
    data.append("id", "\u0000");
    data.append("fichier", new Blob(["a"]), "a.csv");
    expect(formValues(data)).toEqual({ title: "Maison des 1 000 jours", id: "" });
    expect(formText(data.get("fichier"))).toBe("");
    expect(formText(null)).toBe("");
  });
});

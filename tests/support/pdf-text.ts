// The text of a PDF, read with Mozilla's PDF.js (the engine of Firefox's PDF viewer), pages in order.
// White space is collapsed to single plain spaces (Intl's no-break spaces included, and line breaks, which
// fall wherever the page wraps), so that amounts and sentences compare as typed.
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? " " : ""}` : "")).join(" "));
    }
    return { pages: doc.numPages, text: texts.join(" ").replace(/[\s\u00a0\u202f]+/g, " ") };
  } finally {
    await doc.destroy();
  }
}

// Bounding boxes of the map's paths, to zoom a regional map onto its region. The package's paths use
// only relative moves and lines ("m x,y dx,dy … z"), which keeps this small.
export type Box = { minX: number; minY: number; maxX: number; maxY: number };

export function pathBounds(d: string): Box | null {
  const tokens = d.match(/[mMzZ]|-?\d*\.?\d+(?:e[-+]?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let box: Box | null = null;
  let firstOfMove = false;
  let i = 0;
  const add = () => {
    box = box ? { minX: Math.min(box.minX, x), minY: Math.min(box.minY, y), maxX: Math.max(box.maxX, x), maxY: Math.max(box.maxY, y) } : { minX: x, minY: y, maxX: x, maxY: y };
  };
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === "m" || t === "M") {
      firstOfMove = true;
      i++;
      continue;
    }
    if (t === "z" || t === "Z") {
      x = startX;
      y = startY;
      i++;
      continue;
    }
    x += Number(t);
    y += Number(tokens[i + 1]);
    if (firstOfMove) {
      startX = x;
      startY = y;
      firstOfMove = false;
    }
    add();
    i += 2;
  }
  return box;
}

export function unionBounds(boxes: (Box | null)[]): Box | null {
  return boxes.reduce<Box | null>(
    (acc, b) => (!b ? acc : !acc ? b : { minX: Math.min(acc.minX, b.minX), minY: Math.min(acc.minY, b.minY), maxX: Math.max(acc.maxX, b.maxX), maxY: Math.max(acc.maxY, b.maxY) }),
    null,
  );
}

/** A viewBox around the box with a margin, never narrower than `minSize` units. */
export function viewBoxAround(box: Box, margin = 0.08, minSize = 60): string {
  const w = Math.max(box.maxX - box.minX, minSize);
  const h = Math.max(box.maxY - box.minY, minSize);
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const mw = w * (1 + 2 * margin);
  const mh = h * (1 + 2 * margin);
  const r = (v: number) => Math.round(v * 10) / 10;
  return `${r(cx - mw / 2)} ${r(cy - mh / 2)} ${r(mw)} ${r(mh)}`;
}

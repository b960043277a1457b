"use client";
// The map's departments in scope as links, drawn from [code, href, name, fill] tuples: on the server, each
// <a><title/><use/></a> was sent twice (HTML, and its element tree again in the RSC payload). The outlines
// stay in the cached SVG file (`sprite`: its address, passed in so that this script does not carry them).

export type MapShape = readonly [code: string, href: string, name: string, fill: string];

export function MapShapes({ shapes, sprite }: { shapes: readonly MapShape[]; sprite: string }) {
  return (
    <>
      {shapes.map(([code, href, name, fill]) => (
        <a key={code} href={href}>
          <title>{name}</title>
          <use href={`${sprite}#d-${code}`} fill={fill} />
        </a>
      ))}
    </>
  );
}

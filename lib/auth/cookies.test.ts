import { describe, expect, it } from "vitest";
import { SIGNED_IN_MARKER, clearedSignedInMarker, hasSignedInMarker, signedInMarkerOptions } from "./cookies";

describe("the sign-in marker the header reads", () => {
  it("is found in document.cookie, with or without the __Host- prefix, and only under its own name", () => {
    expect(hasSignedInMarker("")).toBe(false);
    expect(hasSignedInMarker(`${SIGNED_IN_MARKER}=1`)).toBe(true);
    expect(hasSignedInMarker(`autre=2; __Host-${SIGNED_IN_MARKER}=1`)).toBe(true);
    expect(hasSignedInMarker(`${SIGNED_IN_MARKER}_ancien=1; x${SIGNED_IN_MARKER}=1`)).toBe(false);
  });

  it("is readable by the page's script (not HttpOnly), Secure over https, and cleared with the same attributes", () => {
    expect(signedInMarkerOptions(false)).toMatchObject({ httpOnly: false, secure: false, path: "/", sameSite: "lax" });
    expect(signedInMarkerOptions(true)).toMatchObject({ httpOnly: false, secure: true, path: "/" });
    expect(clearedSignedInMarker(true)).toBe(`__Host-${SIGNED_IN_MARKER}=; Max-Age=0; Path=/; SameSite=Lax; Secure`);
    expect(clearedSignedInMarker(false)).toBe(`${SIGNED_IN_MARKER}=; Max-Age=0; Path=/; SameSite=Lax`);
  });
});

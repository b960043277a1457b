export async function seedDatabase(_u: string, _o: {demo: boolean}) { return { summary: "" }; }

import { scopeToSchool } from '../../src/store/doc-store';

describe('scoping queries to one school', () => {
  it('wraps an existing WHERE clause so an OR cannot escape the school', () => {
    const { query, parameters } = scopeToSchool(
      "SELECT * FROM c WHERE c.type = 'a' OR c.type = 'b' ORDER BY c.at ASC",
      { x: 1 },
      's1',
    );
    expect(query).toBe(
      "SELECT * FROM c WHERE c.schoolId = @__school AND (c.type = 'a' OR c.type = 'b') ORDER BY c.at ASC",
    );
    expect(parameters).toEqual({ x: 1, __school: 's1' });
  });
  it('adds a WHERE clause when there is none', () => {
    expect(scopeToSchool('SELECT VALUE COUNT(1) FROM c', {}, 's1').query).toBe(
      'SELECT VALUE COUNT(1) FROM c WHERE c.schoolId = @__school',
    );
  });
});

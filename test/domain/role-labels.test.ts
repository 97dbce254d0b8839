import {
  DEFAULT_ROLE_LABELS,
  ROLE_LABEL_KEYS,
  dutchPlural,
  roleLabel,
  roleNamesOf,
} from '../../src/domain/role-labels';

describe('role labels per school', () => {
  it('uses the glossary words when the school sets no label', () => {
    expect(roleLabel(undefined, 'preventionWorker')).toBe('preventiewerker');
    expect(roleLabel({ roleLabels: {} }, 'preventionWorker', { plural: true })).toBe('preventiewerkers');
    expect(roleLabel({ roleLabels: {} }, 'coordinator', { plural: true })).toBe('zorgcoördinatoren');
    expect(roleLabel(undefined, 'attendanceOfficer', { capital: true })).toBe('Leerplichtambtenaar');
  });

  it("uses the school's own label, and derives its plural", () => {
    const school = {
      roleLabels: { preventionWorker: 'jeugd- en gezinswerker', coordinator: 'ondersteuningscoördinator' },
    };
    expect(roleLabel(school, 'preventionWorker')).toBe('jeugd- en gezinswerker');
    expect(roleLabel(school, 'preventionWorker', { plural: true })).toBe('jeugd- en gezinswerkers');
    expect(roleLabel(school, 'preventionWorker', { plural: true, capital: true })).toBe('Jeugd- en gezinswerkers');
    expect(roleLabel(school, 'coordinator', { plural: true })).toBe('ondersteuningscoördinatoren');
    expect(roleLabel(school, 'mentor')).toBe('mentor');
  });

  it('takes an explicit plural over the derived one', () => {
    const school = { roleLabels: { supportTeam: 'zorgteam', supportTeamPlural: 'zorgteams van de school' } };
    expect(roleLabel(school, 'supportTeam', { plural: true })).toBe('zorgteams van de school');
  });

  it('falls back to the default for an empty, blank or overlong label', () => {
    expect(roleLabel({ roleLabels: { preventionWorker: '   ' } }, 'preventionWorker')).toBe('preventiewerker');
    expect(roleLabel({ roleLabels: { preventionWorker: 'x'.repeat(61) } }, 'preventionWorker', { plural: true })).toBe(
      'preventiewerkers',
    );
    expect(roleLabel({ roleLabels: { preventionWorker: '  JMW  er ' } }, 'preventionWorker')).toBe('JMW er');
  });

  it.each([
    ['jeugd- en gezinswerker', 'jeugd- en gezinswerkers'],
    ['jeugdmaatschappelijk werker', 'jeugdmaatschappelijk werkers'],
    ['jeugd- en gezinscoach', 'jeugd- en gezinscoaches'],
    ['J&G coach', 'J&G coaches'],
    ['jeugdprofessional', 'jeugdprofessionals'],
    ['gedragswetenschapper', 'gedragswetenschappers'],
    ['ondersteuningscoördinator', 'ondersteuningscoördinatoren'],
    ['zorgcoördinator', 'zorgcoördinatoren'],
    ['leerplichtambtenaar', 'leerplichtambtenaren'],
    ['functioneel beheerder', 'functioneel beheerders'],
    ['docent', 'docenten'],
    ['mentor', 'mentoren'],
    ['jeugdverpleegkundige', 'jeugdverpleegkundigen'],
    ['ondersteuningsteam (OT)', 'ondersteuningsteams (OT)'],
    ['JMW', "JMW's"],
    ['intern begeleider', 'intern begeleiders'],
  ])('derives the plural of %s: %s', (one, many) => {
    expect(dutchPlural(one)).toBe(many);
  });

  it('derives every glossary plural from its singular the same way', () => {
    for (const key of ROLE_LABEL_KEYS)
      expect(dutchPlural(DEFAULT_ROLE_LABELS[key].one)).toBe(DEFAULT_ROLE_LABELS[key].many);
  });

  it('binds the labels of one school for the texts', () => {
    const names = roleNamesOf({ roleLabels: { preventionWorker: 'JMW' } });
    expect(names('preventionWorker', { plural: true })).toBe("JMW's");
    expect(names('coordinator')).toBe('zorgcoördinator');
  });
});

describe('the OT abbreviation', () => {
  it('drops a trailing (OT) from the support team label: the texts add it themselves', () => {
    expect(roleLabel({ roleLabels: { supportTeam: 'ondersteuningsteam (OT)' } }, 'supportTeam')).toBe(
      'ondersteuningsteam',
    );
    expect(roleLabel({ roleLabels: { supportTeam: 'zorgteam' } }, 'supportTeam', { plural: true })).toBe('zorgteams');
    expect(roleLabel({ roleLabels: { supportTeam: '(OT)' } }, 'supportTeam')).toBe('ondersteuningsteam');
  });
});

/** What a sender hears when their Teams account cannot be bound to a staff record (issue 14). */
export const BINDING_TEXTS: Record<'duplicate' | 'foreign-tenant', string> = {
  duplicate:
    'Ik kan je account niet automatisch koppelen: je e-mailadres staat bij je school meer dan eens in de personeelslijst. ' +
    'Vraag de functioneel beheerder van je school om dat recht te zetten; tot dan ken ik je nog niet als medewerker.',
  'foreign-tenant':
    'Ik kan je account niet koppelen: je e-mailadres staat in de personeelslijst van een school die bij een andere Microsoft 365-organisatie hoort dan het account waarmee je nu bent aangemeld. ' +
    'Gebruik Teams met het account van je school, of vraag de functioneel beheerder van je school om je toe te voegen.',
};

/** Dutch texts of the demo-only `/demo tijd` command. */
const when = (d: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);

const span = (hours: number) => (hours % 24 === 0 ? `${hours / 24} ${hours === 24 ? 'dag' : 'dagen'}` : `${hours} uur`);

export const DT = {
  usage:
    'Demo: typ `/demo tijd +3` om de klok van Waakvlam 3 dagen vooruit te zetten (of `+5u` voor 5 uur). `/demo tijd` laat zien hoe laat het voor Waakvlam is.',
  badShift:
    'Dat begrijp ik niet. Zet de klok vooruit met bijvoorbeeld `/demo tijd +3` (dagen) of `/demo tijd +5u` (uren), hoogstens 120 dagen.',
  now: (at: Date, aheadHours: number) =>
    aheadHours > 0
      ? `Demo: voor Waakvlam is het nu ${when(at)} (${span(Math.round(aheadHours))} vooruitgezet).`
      : `Demo: voor Waakvlam is het nu ${when(at)}; de klok loopt gelijk.`,
  shifted: (at: Date, hours: number) =>
    `Demo: de klok staat ${span(hours)} verder. Voor Waakvlam is het nu ${when(at)}. Herinneringen en meldingen die nu aan de beurt zijn, zijn verstuurd.`,
};

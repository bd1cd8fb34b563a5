import { SETTINGS, type SettingSpec } from '../../state/settings';
import { failed, passed, stringParam, type Checker, type ParamValues } from './types';

/** A setting by its link name (`opt`, `data`, `preset`) or its key in the store (`optimizer`). */
const settingOf = (name: string | undefined): SettingSpec | undefined =>
  SETTINGS.find((s) => s.param === name) ?? SETTINGS.find((s) => s.key === name);

/** Every name `setting` accepts: the link's names, then the store's keys that differ from them. */
const SETTING_NAMES: readonly string[] = [
  ...SETTINGS.map((s) => s.param),
  ...SETTINGS.map((s) => s.key).filter((k) => !SETTINGS.some((s) => s.param === k)),
];

const quote = (text: string): string =>
  JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);

/**
 * The wanted value as the link writes it: decoded and encoded again, so `0.10` and `0.1`
 * compare equal; null when the setting's codec refuses it.
 */
function wantedEncoding(spec: SettingSpec, value: string): string | null {
  const decoded = spec.codec.decode(value);
  // The table pairs each codec with its own key's type; the spec type forgets the pairing.
  const codec = spec.codec as { encode(v: unknown): string };
  return decoded.ok ? codec.encode(decoded.value) : null;
}

const parts = (p: ParamValues) => {
  const spec = settingOf(stringParam(p, 'setting'));
  return { spec, value: stringParam(p, 'value') ?? '' };
};

/** "Switch the optimiser to SGD": a named setting holds a value, compared as the link encodes it. */
export const settingEquals: Checker = {
  id: 'setting-equals',
  label: 'A setting has a value',
  params: [
    {
      name: 'setting',
      kind: 'string',
      meaning: "the setting's name in the link (opt, data, preset, lr…)",
      choices: SETTING_NAMES,
    },
    { name: 'value', kind: 'string', meaning: 'its value, as the link writes it' },
  ],
  validate: (p) => {
    const { spec, value } = parts(p);
    if (!spec) return null; // the choices list already refused the name
    const decoded = spec.codec.decode(value);
    return decoded.ok ? null : `value does not suit the setting ${spec.param}: ${decoded.reason}`;
  },
  describe: (p) => {
    const { spec, value } = parts(p);
    return `Set ${spec?.label ?? 'the setting'} to ${quote(value)}.`;
  },
  check: ({ settings }, p) => {
    const { spec, value } = parts(p);
    if (!spec) return failed('This exercise names a setting the lab does not have.');
    const codec = spec.codec as { encode(v: unknown): string };
    const now = codec.encode(settings[spec.key]);
    const want = wantedEncoding(spec, value);
    if (want === null)
      return failed(`This exercise asks for a value of ${spec.label} the lab cannot take.`);
    const label = spec.label.charAt(0).toUpperCase() + spec.label.slice(1);
    return now === want
      ? passed(`${label} is ${quote(now)}.`)
      : failed(`${label} is ${quote(now)}, not ${quote(want)}.`);
  },
};

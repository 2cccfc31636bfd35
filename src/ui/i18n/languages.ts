/** Every shipped translation besides the built-in English, by language code. */
import ar from './ar';
import cs from './cs';
import da from './da';
import de from './de';
import es from './es';
import fi from './fi';
import fr from './fr';
import he from './he';
import it from './it';
import ja from './ja';
import ko from './ko';
import nl from './nl';
import pl from './pl';
import pt from './pt';
import sv from './sv';
import zh from './zh';

export const languages = { ar, cs, da, de, es, fi, fr, he, it, ja, ko, nl, pl, pt, sv, zh };

/** Português (Brasil). Keys as in `en.ts`. */
import type { Strings } from '../lib/translate';

const strings: Strings = {
  title: 'Usamos cookies',
  text: 'Usamos cookies para o funcionamento deste site e, com o seu consentimento, também para análise e marketing. Você pode alterar sua escolha a qualquer momento.',
  updated: 'Nossa política de cookies mudou. Por favor, escolha novamente.',
  privacyPolicy: 'Política de privacidade',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  manage: 'Gerenciar preferências',
  prefsTitle: 'Preferências de cookies',
  prefsText: 'Escolha quais cookies podemos usar. Os cookies estritamente necessários estão sempre ativos.',
  save: 'Salvar preferências',
  close: 'Fechar',
  settings: 'Configurações de cookies',
  privacyChoices: 'As suas opções de privacidade',
  gpc: 'Respeitamos o sinal Global Privacy Control do seu navegador: as categorias que vendem ou compartilham seus dados ficam desativadas, a menos que você as ative aqui.',
  gpcConflict:
    'O seu navegador envia Global Privacy Control: a autorização dada antes às categorias que vendem ou partilham os seus dados é considerada retirada. Pode voltar a ativá-las aqui de forma explícita.',
  alwaysOn: 'Sempre ativos',
  partly: 'Permitidos em parte',
  consentId: 'Seu ID de consentimento',
  decidedOn: 'escolhido em',
  details: 'Serviços e cookies',
  name: 'Nome',
  provider: 'Fornecedor',
  purpose: 'Finalidade',
  lifetime: 'Duração',
  necessary: 'Estritamente necessários',
  necessaryText: 'Necessários para o funcionamento do site, como login, segurança e o registro desta escolha.',
  preferences: 'Preferências',
  preferencesText: 'Lembram suas configurações, como o idioma.',
  analytics: 'Análise',
  analyticsText: 'Medem como o site é usado, para que possamos melhorá-lo.',
  marketing: 'Marketing',
  marketingText: 'Exibem anúncios relevantes e medem o desempenho das campanhas.',
};
export default strings;

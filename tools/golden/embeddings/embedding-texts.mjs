// Texts for the embedding parity golden: English, Spanish, accented Latin, punctuation and numbers, and long texts that
// the 64-token limit truncates. (Greek final sigma and CJK extension B are left out: transformers.js tokenizes them
// differently from the Python reference, see ../README.md.)

const long1 =
  'Retrieval-augmented generation combines a search step with a language model: the question is embedded, the closest ' +
  'passages are fetched from an index, and the model answers from those passages, citing the documents and pages it used. ' +
  'Nothing leaves the machine, and every answer can be checked against its sources.';
const long2 =
  'La generación aumentada por recuperación combina una búsqueda con un modelo de lenguaje: la pregunta se convierte en ' +
  'un vector, se recuperan los pasajes más cercanos del índice y el modelo responde a partir de ellos, citando los ' +
  'documentos y las páginas que utilizó. Ningún dato sale del equipo.';

export const texts = [
  'Hello world',
  'The cat sat on the mat.',
  'What is the capital of France?',
  'Paris is the capital and most populous city of France.',
  'How do I reset my password?',
  'To reset your password, open Settings, choose Account and click "Forgot password".',
  'The quick brown fox jumps over the lazy dog.',
  'Machine learning models can be exported to ONNX and run with ONNX Runtime.',
  'Invoices are due within 30 days of receipt; late payments incur a 2% fee.',
  'Version 2.4.1 was released on 2024-03-15 with 17 bug fixes.',
  'e-mail: support@example.com, phone +1 (555) 010-9999',
  'C# and .NET 10 run on Linux, macOS and Windows.',
  "Don't panic! It's only a test, isn't it?",
  'UPPER CASE TEXT IS LOWER-CASED BY THIS TOKENIZER',
  'tokenization of unbelievably long compound words like antidisestablishmentarianism',
  'a',
  '',
  '   leading and trailing spaces   ',
  'tabs\tand\nnew\nlines',
  'Hola mundo',
  '¿Cuál es la capital de España?',
  'Madrid es la capital de España y su ciudad más poblada.',
  '¿Cómo restablezco mi contraseña?',
  'El niño comió paella con su abuela en Valencia.',
  'La cigüeña voló sobre el río Guadalquivir al amanecer.',
  'Las facturas vencen a los treinta días; los pagos atrasados tienen un recargo del 2 %.',
  '¡Qué día tan bonito para pasear por el parque!',
  'Año nuevo, vida nueva: propósitos para 2025.',
  'El pingüino pequeño se acercó a la orilla.',
  'Información sobre la protección de datos personales',
  'café, naïve, façade, résumé, jalapeño',
  'Ångström, Zürich, São Paulo, Dvořák, Łódź',
  'Crème brûlée à la française',
  'Fußball und Straßenbahn in München',
  'Smörgåsbord och kött i Göteborg',
  'Ça va très bien, merci beaucoup!',
  'Þórr and Óðinn in the Eddas',
  'İstanbul, Kütahya, Şanlıurfa',
  'Niño, niña, añejo, mañana',
  'ÀÉÎÕÜ àéîõü',
  long1,
  long2,
  `${long1} ${long2}`,
  'word '.repeat(80).trim(),
  'El índice guarda el texto, los vectores y un índice de texto completo en un solo archivo SQLite. '.repeat(3).trim(),
  'numbers 1 22 333 4444 55555 666666 7777777 88888888 999999999 '.repeat(4).trim(),
  'Section 3.2: The warranty covers defects in materials and workmanship for a period of two years from the date of purchase.',
  'Sección 3.2: La garantía cubre los defectos de materiales y fabricación durante dos años desde la fecha de compra.',
  'Why is the sky blue? Rayleigh scattering of sunlight by the molecules of the atmosphere.',
  '¿Por qué el cielo es azul? Por la dispersión de Rayleigh de la luz solar en la atmósfera.',
];

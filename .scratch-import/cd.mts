import { hasValidCheckDigit, mod10CheckDigit } from '@custodia/gs1';
console.log(hasValidCheckDigit('08717648200274'), hasValidCheckDigit('03596010535344'));
for (const base of ['0871764820100', '0871764820200', '0690123456781', '0690123456782', '0690123456783', '0690123456784', '0690123456785']) console.log(base + mod10CheckDigit(base));
